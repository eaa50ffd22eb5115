package cn.gxq.subsidy.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a request it refuses before any route sees it: bad percent-encoding, a URI or
 * headers too long) as the API's JSON {@code {"error": "..."}} instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  // As Javalin writes every other answer: JSON is UTF-8 by definition, so no charset parameter.
  static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.write(true, ByteBuffer.wrap(body(code, explained(cause, message))), callback);
  }

  /**
   * Jetty says only "Bad Request" of a path it cannot percent-decode (and no longer knows the path
   * here); its cause tells what was wrong, which the client is told as a bad query is.
   */
  private static String explained(Throwable cause, String message) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      final String text = t.getMessage() == null ? "" : t.getMessage();
      if ((t instanceof NumberFormatException && text.startsWith("!hex"))
          || text.contains("% encoding")) {
        return "bad percent-encoding in the path: % must be followed by two hex digits";
      }
    }
    return message;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int code, String message) {
    final String reason = HttpStatus.getMessage(code);
    final String text =
        message == null || message.isBlank() || message.equals(reason)
            ? reason
            : reason + ": " + message;
    try {
      return MAPPER.writeValueAsBytes(Map.of("error", text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
