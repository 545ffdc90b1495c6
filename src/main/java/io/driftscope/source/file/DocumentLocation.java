package io.driftscope.source.file;

import io.driftscope.core.Origin;
import java.nio.file.Path;

/**
 * Where one document sits in a file, as the parser saw it: enough to show it to a person and to
 * find it again for an edit in place.
 *
 * @param file the file, absolute
 * @param display the file as shown to the user (relative to the working directory when it was named
 *     so)
 * @param document the index of the document among all the file's YAML documents, empty ones
 *     included (0 for a JSON file)
 * @param item the index in the {@code items} of a {@code List} document, or -1 for a document of
 *     its own
 * @param line the 1-based line where the document's content starts
 * @param column the 1-based column where the document's content starts
 * @param offset the character offset where the document's content starts, as the parser counts it,
 *     or -1 when unknown
 */
public record DocumentLocation(
    Path file, String display, int document, int item, int line, int column, long offset) {

  /** The origin to give a resource read from here. */
  public Origin origin() {
    return new Origin(display, line, column);
  }

  /** The same place inside a list: the {@code index}-th item, starting at the given position. */
  DocumentLocation item(int index, int itemLine, int itemColumn, long itemOffset) {
    return new DocumentLocation(file, display, document, index, itemLine, itemColumn, itemOffset);
  }

  /** {@code file:line:column}, as error messages and notices name a place. */
  @Override
  public String toString() {
    return display + ":" + line + ":" + column;
  }
}
