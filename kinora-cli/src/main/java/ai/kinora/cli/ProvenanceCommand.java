package ai.kinora.cli;

import ai.kinora.safety.Provenance;
import ai.kinora.safety.ProvenanceRecord;
import ai.kinora.safety.Watermark;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kinora provenance}: whether files were made by Kinora, from metadata and pixels. */
@Command(
    name = "provenance",
    mixinStandardHelpOptions = true,
    description = {
      "Tells whether videos or images were made by Kinora: reads the provenance record",
      "Kinora writes into every file's metadata (command, prompt, seed, model, time), and",
      "looks for the watermark Kinora puts in every frame, which survives when the metadata",
      "was stripped (not resizing or cropping). See docs/provenance.md."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  ./kinora provenance out.mp4", "  ./kinora provenance a.mp4 b.png c.webm --json"})
final class ProvenanceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Videos or images to check.")
  List<Path> files;

  @Option(names = "--json", description = "Print one JSON object per file instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Path file : files) {
      Provenance.Report report = Provenance.check(file);
      out.println(json ? toJson(file, report) : describe(file, report));
    }
    out.flush();
    return 0;
  }

  static String describe(Path file, Provenance.Report report) {
    Watermark.Detection mark = report.watermark();
    StringBuilder text = new StringBuilder();
    text.append(file)
        .append(": ")
        .append(report.madeByKinora() ? "made by Kinora" : "no sign of Kinora")
        .append('\n');
    if (mark.judged()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  watermark: %s (z = %.1f over %d frame%s; found from z = %.0f)%n",
              mark.present() ? "found" : "not found",
              mark.z(),
              mark.frames(),
              mark.frames() == 1 ? "" : "s",
              Watermark.THRESHOLD));
    } else {
      text.append("  watermark: not checked (the picture is too small to hold it)\n");
    }
    if (report.record().isPresent()) {
      ProvenanceRecord r = report.record().get();
      text.append("  record: ").append(ProvenanceRecord.NOTICE).append('\n');
      text.append("    command: ").append(r.command()).append('\n');
      text.append("    prompt: ").append(r.prompt()).append('\n');
      if (r.caption() != null) {
        text.append("    caption: ").append(r.caption()).append('\n');
      }
      text.append(
          String.format(
              Locale.ROOT,
              "    seed %d, %d steps, guidance %s%n",
              r.seed(),
              r.steps(),
              WorldCommand.trim(r.guidance())));
      text.append("    model: ").append(r.model()).append('\n');
      text.append("    created: ").append(r.created()).append('\n');
    } else if (report.comment() != null) {
      text.append("  record: none (the file's comment is not Kinora's: ")
          .append(report.comment())
          .append(")\n");
    } else {
      text.append("  record: none (no comment in the file's metadata)\n");
    }
    return text.toString().stripTrailing();
  }

  static String toJson(Path file, Provenance.Report report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    node.put("file", file.toString());
    node.put("made_by_kinora", report.madeByKinora());
    ObjectNode mark = node.putObject("watermark");
    mark.put("found", report.watermark().present());
    if (report.watermark().judged()) {
      mark.put("z", Math.round(report.watermark().z() * 100) / 100.0);
    } else {
      mark.putNull("z");
    }
    mark.put("frames", report.watermark().frames());
    if (report.record().isPresent()) {
      node.set("record", report.record().get().toNode());
    } else {
      node.putNull("record");
      node.put("comment", report.comment());
    }
    return node.toString();
  }
}
