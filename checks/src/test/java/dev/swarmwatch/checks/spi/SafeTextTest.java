package dev.swarmwatch.checks.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void plainTextIsUntouched() {
        assertThat(SafeText.line("web-2 0/2 running: naïve ünïcode ✓")).isEqualTo("web-2 0/2 running: naïve ünïcode ✓");
    }

    @Test
    void csiSequencesAreRemovedWhole() {
        assertThat(SafeText.line("\u001b[31mred\u001b[0m \u001b[2J\u001b[Hcleared")).isEqualTo("red cleared");
    }

    @Test
    void oscTitleAndHyperlinkSequencesAreRemovedWhole() {
        assertThat(SafeText.line("a\u001b]0;owned\u0007b\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\c"))
                .isEqualTo("ablinkc");
    }

    @Test
    void eightBitCsiAndOtherC1ControlsAreNeutralised() {
        assertThat(SafeText.line("x\u009b31my\u0085z")).isEqualTo("xy?z");
    }

    @Test
    void bellBackspaceAndLoneCarriageReturnCannotRewriteTheLine() {
        assertThat(SafeText.line("ok\rCRITICAL\u0007\b")).isEqualTo("ok CRITICAL??");
    }

    @Test
    void oneLineFoldsNewlinesAndLinesKeepsThem() {
        assertThat(SafeText.line("first\r\nsecond\nthird")).isEqualTo("first second third");
        assertThat(SafeText.lines("first\r\nsecond\u001b[1m\nthird")).isEqualTo("first\nsecond\nthird");
    }

    @Test
    void bidiOverridesAndLoneSurrogatesAreReplaced() {
        assertThat(SafeText.line("a\u202eb\ud800c")).isEqualTo("a?b?c");
        assertThat(SafeText.line("emoji \ud83d\ude00")).isEqualTo("emoji \ud83d\ude00");
    }

    @Test
    void boundedLineEndsWithAnEllipsis() {
        assertThat(SafeText.line("x".repeat(500), 10)).hasSize(10).endsWith("\u2026");
        assertThat(SafeText.line("short", 10)).isEqualTo("short");
    }

    @Test
    void unterminatedSequenceAtTheEndIsDropped() {
        assertThat(SafeText.line("tail\u001b[12")).isEqualTo("tail");
        assertThat(SafeText.line("tail\u001b")).isEqualTo("tail");
    }
}
