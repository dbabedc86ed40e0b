package com.freshloop.starter.security;

import org.springframework.http.HttpStatus;

/** A minimal problem document for the security layer, which runs before Spring MVC's error handling. */
public final class ProblemJson {

    private ProblemJson() {}

    public static String of(HttpStatus status, String detail, String instance) {
        return "{\"type\":\"about:blank\",\"title\":\"" + escape(status.getReasonPhrase()) + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + escape(detail) + "\",\"instance\":\"" + escape(instance)
                + "\"}";
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
