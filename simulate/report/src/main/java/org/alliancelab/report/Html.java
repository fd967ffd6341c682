package org.alliancelab.report;

/** Minimal HTML text escaping. */
final class Html {

    private Html() {
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return a string safe inside an id attribute: letters, digits and '-' only */
    static String id(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
