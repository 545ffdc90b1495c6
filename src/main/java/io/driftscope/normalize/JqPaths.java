package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * jq path expressions (Argo CD's {@code jqPathExpressions}) run with jackson-jq: an expression is
 * compiled once as {@code path(EXPR)}, then yields the locations it selects in a document.
 */
public final class JqPaths {

  private static final Scope ROOT = rootScope();

  private final String expression;
  private final JsonQuery query;

  private JqPaths(String expression, JsonQuery query) {
    this.expression = expression;
    this.query = query;
  }

  private static Scope rootScope() {
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    return scope;
  }

  /** Compiles {@code expression}; the exception's message says what is wrong with it. */
  public static JqPaths compile(String expression) throws JsonQueryException {
    return new JqPaths(expression, JsonQuery.compile("path(" + expression + ")", Versions.JQ_1_6));
  }

  public String expression() {
    return expression;
  }

  /**
   * The locations the expression selects in {@code document}, each a list of {@code String} keys
   * and {@code Integer} positions; empty when the expression fails on this document (a type error
   * in one document must not stop a comparison).
   */
  public List<List<Object>> paths(JsonNode document) {
    List<List<Object>> out = new ArrayList<>();
    try {
      query.apply(
          Scope.newChildScope(ROOT),
          document,
          p -> {
            if (p.isArray()) {
              List<Object> tokens = new ArrayList<>(p.size());
              for (JsonNode t : p) {
                tokens.add(t.isNumber() ? (Object) t.intValue() : t.asText());
              }
              out.add(tokens);
            }
          });
    } catch (JsonQueryException e) {
      return List.of();
    }
    return out;
  }
}
