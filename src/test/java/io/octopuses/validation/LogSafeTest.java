package io.octopuses.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aForgedLogLineStaysOnItsLine() {
        assertThat(LogSafe.escape("2025.1\n2026-01-01 INFO Admin logged in")).isEqualTo("2025.1\\n2026-01-01 INFO Admin logged in");
        assertThat(LogSafe.escape("a\r\nb\tc")).isEqualTo("a\\r\\nb\\tc");
    }

    @Test
    void invisibleAndReorderingCharactersBecomeVisible() {
        assertThat(LogSafe.escape("admin\u202Etxt.exe")).isEqualTo("admin\\u202Etxt.exe");
        assertThat(LogSafe.escape("\u0000\u001B[31m\u007F\u0085\u200B\uFEFF\u2028")).isEqualTo("\\u0000\\u001B[31m\\u007F\\u0085\\u200B\\uFEFF\\u2028");
        assertThat(LogSafe.escape("x\uD800y")).isEqualTo("x\\uD800y");
        assertThat(LogSafe.escape("tag" + Character.toString(0xE0041))).isEqualTo("tag\\uDB40\\uDC41");
    }

    @Test
    void anEscapeCannotBeForgedEither() {
        assertThat(LogSafe.escape("C:\\new")).isEqualTo("C:\\\\new");
        assertThat(LogSafe.escape("\\u202E")).isEqualTo("\\\\u202E");
    }

    @Test
    void ordinaryTextIsKept() {
        String text = "Zürich 東京 🐙 \"quoted\" <b> & 'x'";
        assertThat(LogSafe.escape(text)).isSameAs(text);
        assertThat(LogSafe.escape(null)).isEqualTo("null");
        assertThat(LogSafe.escape(42)).isEqualTo("42");
    }

    @Test
    void canCutLongValues() {
        assertThat(LogSafe.escape("abcdef", 3)).isEqualTo("abc…");
        assertThat(LogSafe.escape("🐙🐙🐙", 2)).isEqualTo("🐙🐙…");
        assertThat(LogSafe.escape("a\nb", 5)).isEqualTo("a\\nb");
        assertThat(LogSafe.escape(null, 5)).isEqualTo("null");
    }
}
