package net.ringpool.numbers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The three answer formats of the number allocation API, as Invoca documents them: the number as a JSON
 * object, an XML {@code <Response>} or a CSV header and row; errors as an XML {@code <Error>} or, for
 * json and csv, as the text {@code Class: message}. An overflow answer adds {@code "overflow": true}
 * (XML {@code <Overflow>true</Overflow>}); the CSV keeps its documented three columns.
 */
enum AllocationFormat {

    JSON {
        @Override
        ResponseEntity<Object> number(String number, String trackingUrl, boolean overflow) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("promo_number_formatted", formatted(number));
            body.put("tracking_url", trackingUrl);
            body.put("promo_number", number);
            if (overflow) {
                body.put("overflow", true);
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }
    },

    XML {
        @Override
        ResponseEntity<Object> number(String number, String trackingUrl, boolean overflow) {
            String body = DECLARATION + "<Response>\n"
                    + "  <PromoNumberFormatted>" + formatted(number) + "</PromoNumberFormatted>\n"
                    + "  <PromoNumber>" + number + "</PromoNumber>\n"
                    + "  <TrackingUrl>" + escape(trackingUrl) + "</TrackingUrl>\n"
                    + (overflow ? "  <Overflow>true</Overflow>\n" : "")
                    + "</Response>\n";
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(body);
        }

        @Override
        ResponseEntity<Object> error(HttpStatus status, String errorClass, String message) {
            String body = DECLARATION + "<Error>\n  <Class>" + escape(errorClass) + "</Class>\n  <Message>"
                    + escape(message) + "</Message>\n</Error>\n";
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_XML).body(body);
        }
    },

    CSV {
        @Override
        ResponseEntity<Object> number(String number, String trackingUrl, boolean overflow) {
            String body = CSVFormat.DEFAULT.format("PromoNumberFormatted", "PromoNumber", "TrackingUrl") + "\r\n"
                    + CSVFormat.DEFAULT.format(formatted(number), number, trackingUrl) + "\r\n";
            return ResponseEntity.ok().contentType(new MediaType("text", "csv")).body(body);
        }
    };

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    abstract ResponseEntity<Object> number(String number, String trackingUrl, boolean overflow);

    ResponseEntity<Object> error(HttpStatus status, String errorClass, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(errorClass + ": " + message);
    }

    /** 8883906665 → 888-390-6665 */
    static String formatted(String number) {
        return number.substring(0, 3) + "-" + number.substring(3, 6) + "-" + number.substring(6);
    }

    /** Escapes element text; quotes need no escaping there, and Invoca's example shows them as they are. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
