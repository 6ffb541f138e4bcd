package io.leadflow.bench.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.leadflow.bench.mix.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders a report as a plain-text table, as JSON and as Markdown. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes {@code report.json} and {@code report.md} into {@code folder}. */
    public static void write(Report report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", report.startedAt());
        json.put("machine", report.machine());
        json.put("options", report.options());
        json.put("figures", report.figures());
        json.put("notes", report.notes());
        Files.writeString(folder.resolve("report.json"),
                EventJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        Files.writeString(folder.resolve("report.md"), markdown(report));
    }

    public static String table(Report report) {
        StringBuilder text = new StringBuilder(header(report, ""));
        text.append(String.format(Locale.ROOT, "%-16s %-30s %14s %-10s %10s  %s%n", "scenario", "figure", "value", "unit", "x ceiling", "target"));
        for (Figure figure : report.figures()) {
            text.append(String.format(Locale.ROOT, "%-16s %-30s %14s %-10s %10s  %s%n", figure.scenario(), figure.name(),
                    number(figure.value()), figure.unit(), ratio(figure), figure.target() == null ? "" : figure.target()));
        }
        report.notes().forEach(note -> text.append("note: ").append(note).append('\n'));
        return text.toString();
    }

    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder("# Leadflow benchmark, " + report.startedAt() + "\n\n");
        md.append(header(report, "- ")).append('\n');
        md.append("| scenario | figure | value | unit | × ceiling | target |\n|---|---|---:|---|---:|---|\n");
        for (Figure figure : report.figures()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", figure.scenario(), figure.name(),
                    number(figure.value()), figure.unit(), ratio(figure), figure.target() == null ? "" : figure.target()));
        }
        if (!report.notes().isEmpty()) {
            md.append("\nNotes:\n\n");
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static String header(Report report, String bullet) {
        Machine machine = report.machine();
        return String.format(Locale.ROOT, "%smachine: %d cores, %d MB, %s; the services' JVM: %s; load average at start %.2f%n%soptions: %s%n",
                bullet, machine.cores(), machine.memoryMegabytes(), machine.cpuModel(), machine.jdk(), machine.loadAverageAtStart(),
                bullet, report.options());
    }

    private static String number(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(Figure figure) {
        return figure.ceilingRatio() == null ? "" : String.format(Locale.ROOT, "%.3f", figure.ceilingRatio());
    }
}
