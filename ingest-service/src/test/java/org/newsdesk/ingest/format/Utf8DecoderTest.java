package org.newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8DecoderTest {

    private final Utf8Decoder decoder = new Utf8Decoder();

    @Test
    void validUtf8DecodesWithoutWarningsAndLosesItsBom() {
        byte[] bytes = ("\uFEFFТокаев «Орешник» يناير ٥ £600m").getBytes(StandardCharsets.UTF_8);

        Utf8Decoder.DecodedText decoded = decoder.decode(bytes);

        assertThat(decoded.text()).isEqualTo("Токаев «Орешник» يناير ٥ £600m");
        assertThat(decoded.clean()).isTrue();
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void invalidBytesBecomeReplacementCharactersWithAWarning() {
        // "£600m (" in Latin-1 (0xA3 is not valid UTF-8 on its own), a stray continuation byte, and a truncated sequence
        byte[] bytes = {'p', 'r', 'o', 'f', 'i', 't', ' ', (byte) 0xA3, '6', '0', '0', 'm', ' ', (byte) 0x80, ' ', 'e', 'n', 'd', (byte) 0xE2, (byte) 0x82};

        Utf8Decoder.DecodedText decoded = decoder.decode(bytes);

        assertThat(decoded.text()).isEqualTo("profit \uFFFD600m \uFFFD end\uFFFD");
        assertThat(decoded.malformed()).isEqualTo(3);
        assertThat(decoded.firstBadByte()).isEqualTo(7);
        assertThat(decoded.warnings()).containsExactly(
                "invalid UTF-8: 3 malformed byte sequence(s) replaced with U+FFFD, first at byte 7");
    }
}
