package io.octopuses.promotion.record;

/** Keeps free text within a column's width, saying that it was cut. */
final class Shorten {

    private Shorten() {
    }

    static String to(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 3) + "...";
    }
}
