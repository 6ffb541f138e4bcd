package io.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every consumer does with a record value, fuzzed: read it as JSON, check it against its
 * type's schema, map it to the contract's record. Whatever the bytes, the gate either refuses them
 * (not JSON, or schema problems: the consumer dead-letters the record) or lets through data that
 * maps to its record and, written again, still meets the schema, so a consumer never crashes on a
 * record that passed the gate nor republishes an invalid one.
 *
 * <p>Every build replays the seeds in {@code ContractFuzzTestInputs} (one valid event of each type
 * consumers read, the first byte picking the type); {@code JAZZER_FUZZ=1} fuzzes for real
 * (docs/security.md, "Fuzzing").
 */
class ContractFuzzTest {

    /** A contract type and the record consumers map it to. */
    private record Contract(String type, Class<?> record) {
    }

    private static final List<Contract> CONTRACTS = List.of(
            new Contract(EngagementCaptured.TYPE, EngagementCaptured.class),
            new Contract(LeadIdentified.TYPE, LeadIdentified.class),
            new Contract(LeadStageChanged.TYPE, LeadStageChanged.class),
            new Contract(SalesFeedback.TYPE, SalesFeedback.class),
            new Contract(HandoffCreated.TYPE, HandoffCreated.class),
            new Contract(LeadErased.TYPE, LeadErased.class),
            new Contract(LeadScored.TYPE, LeadScored.class),
            new Contract(HandoffStatusChanged.TYPE, HandoffStatusChanged.class),
            new Contract(AccountScored.TYPE, AccountScored.class),
            new Contract(AccountStageChanged.TYPE, AccountStageChanged.class));

    /** Configured like the services' mapper (Quarkus' defaults): ISO-8601 instants, unknown fields ignored. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void everySeedIsAValidEventOfTheTypeItsFirstBytePicks() throws Exception {
        Path seeds = Path.of(ContractFuzzTest.class.getResource(
                "ContractFuzzTestInputs/aRecordValueIsRefusedOrReadAsItsContractRecord").toURI());
        try (Stream<Path> files = Files.list(seeds)) {
            // seed-* are the valid events; crash-* the fuzzer's findings, kept as regressions
            List<byte[]> inputs = files.filter(file -> file.getFileName().toString().startsWith("seed-"))
                    .map(ContractFuzzTest::bytes).toList();
            // then the replay reaches the mapping, not just the gate, for every type
            assertThat(inputs).hasSize(CONTRACTS.size());
            for (byte[] input : inputs) {
                Contract contract = CONTRACTS.get(Byte.toUnsignedInt(input[0]) % CONTRACTS.size());
                JsonNode data = JSON.readTree(new String(input, 1, input.length - 1, StandardCharsets.UTF_8));
                assertThat(EventSchemas.validate(contract.type(), data)).as(contract.type()).isEmpty();
            }
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aRecordValueIsRefusedOrReadAsItsContractRecord(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        Contract contract = CONTRACTS.get(Byte.toUnsignedInt(input[0]) % CONTRACTS.size());
        // the consumers' StringDeserializer decodes UTF-8, replacing what is malformed
        String value = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        JsonNode data;
        try {
            data = JSON.readTree(value);
        } catch (JsonProcessingException notJson) {
            return;
        }
        if (data == null || data.isMissingNode()) {
            return;
        }

        List<String> problems = EventSchemas.validate(contract.type(), data);

        if (problems.isEmpty()) {
            Object event = JSON.treeToValue(data, contract.record());
            assertThat(EventSchemas.validate(contract.type(), JSON.valueToTree(event)))
                    .as("%s read from %s and written again", contract.type(), value)
                    .isEmpty();
        }
    }
}
