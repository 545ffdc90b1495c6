package io.driftscope.config;

/** A config or theme file is missing or wrong; the message names the file and line. */
public class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
