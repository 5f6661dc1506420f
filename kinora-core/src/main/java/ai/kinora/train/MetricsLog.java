package ai.kinora.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The training metrics as JSON lines: {@code {"step":12,"loss":..,"mse":..,"kl":..,"psnr":..,
 * "lr":..,"grad_norm":..,"frames":9,"seconds":..}} per step and {@code {"step":1000,"eval":{
 * "128x128":{"psnr":..,"ssim":..},...},"worst_psnr":..}} per checkpoint. A resumed run first drops
 * the lines after its checkpoint, so the log reads as one uninterrupted run.
 */
final class MetricsLog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedWriter out;

  private MetricsLog(BufferedWriter out) {
    this.out = out;
  }

  /** Opens {@code file} for appending after dropping every line of a step beyond {@code step}. */
  static MetricsLog continueAt(Path file, long step) throws IOException {
    if (Files.exists(file)) {
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        try {
          JsonNode node = JSON.readTree(line);
          if (node != null && node.path("step").asLong(Long.MAX_VALUE) <= step) {
            kept.add(line);
          }
        } catch (IOException e) {
          // a line cut short by a kill: dropped
        }
      }
      Files.write(file, kept, StandardCharsets.UTF_8);
    }
    return new MetricsLog(
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
  }

  void step(VaeTrainer.StepReport r) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("step", r.step());
    n.put("loss", r.loss());
    n.put("mse", r.mse());
    n.put("kl", r.kl());
    n.put("psnr", round(r.psnr()));
    n.put("lr", r.lr());
    n.put("grad_norm", round(r.gradNorm()));
    n.put("frames", r.frames());
    n.put("seconds", round(r.seconds()));
    write(n);
  }

  void evaluation(long step, double wallSeconds, VaeEvaluation.Result eval) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("step", step);
    n.put("wall_seconds", Math.round(wallSeconds));
    ObjectNode groups = n.putObject("eval");
    for (VaeEvaluation.Row row : eval.rows()) {
      ObjectNode g = groups.putObject(row.group());
      g.put("psnr", round(row.psnr()));
      g.put("ssim", Math.round(row.ssim() * 10000) / 10000.0);
    }
    n.put("worst_psnr", round(eval.worstPsnr()));
    n.put("worst_ssim", Math.round(eval.worstSsim() * 10000) / 10000.0);
    write(n);
  }

  void write(ObjectNode n) throws IOException {
    out.write(n.toString());
    out.write('\n');
    out.flush();
  }

  static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
