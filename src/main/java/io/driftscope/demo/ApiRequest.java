package io.driftscope.demo;

/**
 * One request an {@link ApiServer} answered, for tests to assert what a client sent.
 *
 * @param method the HTTP method
 * @param path the path with its query
 * @param contentType the request's {@code Content-Type}, {@code ""} when none
 * @param body the request body, {@code ""} when none
 * @param status the HTTP status answered
 */
public record ApiRequest(String method, String path, String contentType, String body, int status) {}
