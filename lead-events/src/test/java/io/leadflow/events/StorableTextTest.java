package io.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.StorableText.Flaw;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void unicode_text_of_any_plane_and_other_scalars_are_storable() {
        Map<String, Object> tree = Map.of("name", "Zoë 😀 日本", "items", List.of(1, true, 2.5, Map.of("ключ", "値")));

        assertThat(StorableText.flaw("properties", tree)).isEmpty();
        assertThat(StorableText.flaw("properties", null)).isEmpty();
    }

    @Test
    void a_nul_character_is_named_with_its_path() {
        Map<String, Object> tree = Map.of("items", List.of("ok", Map.of("note", "a\u0000b")));

        assertThat(StorableText.flaw("properties", tree))
                .contains(new Flaw("properties.items[1].note", "holds a NUL character (\\u0000), which cannot be stored"));
    }

    @Test
    void an_unpaired_surrogate_is_a_flaw_wherever_it_stands() {
        // a low surrogate first (what Jackson reads from the 4-byte sequence F5 9C 90 92, which no UTF-8 allows)
        assertThat(StorableText.flaw("traits", Map.of("x", "f\udd31\udc12"))).hasValueSatisfying(flaw -> {
            assertThat(flaw.field()).isEqualTo("traits.x");
            assertThat(flaw.problem()).contains("unpaired surrogate (\\udd31)");
        });
        // a high surrogate last, and one followed by no low surrogate
        assertThat(StorableText.flaw("email", "ada\ud83d")).isPresent();
        assertThat(StorableText.flaw("email", "a\ud83dz")).isPresent();
    }

    @Test
    void a_flawed_key_is_named_by_its_map() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("fine", "yes");
        tree.put("first\u0000Name", "Ada");

        assertThat(StorableText.flaw("traits", tree)).hasValueSatisfying(flaw -> {
            assertThat(flaw.field()).isEqualTo("traits");
            assertThat(flaw.problem()).startsWith("has a key that holds a NUL character");
        });
    }

    @Test
    void a_jackson_tree_is_walked_the_same_way_from_its_root() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"rules": [{"name": "ok"}, {"name": "bad\\u0000"}], "fine": 1}""");
        JsonNode flawedKey = new ObjectMapper().readTree("{\"a\\u0000\": 1}");

        assertThat(StorableText.flaw("", document)).hasValueSatisfying(flaw -> assertThat(flaw.field()).isEqualTo("rules[1].name"));
        assertThat(StorableText.flaw("", flawedKey)).hasValueSatisfying(flaw -> assertThat(flaw.field()).isEqualTo("body"));
        assertThat(StorableText.flaw("model", new ObjectMapper().readTree("{\"rules\": [\"😀\"]}"))).isEmpty();
    }
}
