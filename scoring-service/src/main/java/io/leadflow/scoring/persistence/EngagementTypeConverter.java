package io.leadflow.scoring.persistence;

import io.leadflow.events.EngagementType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an engagement type by its wire name ({@code page.viewed}), as events and the API name it. */
@Converter
public class EngagementTypeConverter implements AttributeConverter<EngagementType, String> {

    @Override
    public String convertToDatabaseColumn(EngagementType type) {
        return type == null ? null : type.wireName();
    }

    @Override
    public EngagementType convertToEntityAttribute(String wireName) {
        return wireName == null ? null : EngagementType.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown engagement type in the ledger: " + wireName));
    }
}
