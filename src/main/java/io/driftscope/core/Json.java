package io.driftscope.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The shared, thread-safe Jackson mapper configured once for all of Driftscope. */
public final class Json {

  /** Mapper for JSON documents; sorted output is not forced, documents keep their key order. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

  /** Node factory for building trees. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}
}
