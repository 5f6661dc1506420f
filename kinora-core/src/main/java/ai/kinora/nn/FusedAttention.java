package ai.kinora.nn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * PyTorch's fused {@code scaled_dot_product_attention}, which DJL does not expose, reached through
 * a one-line TorchScript module. Kinora writes the module's archive itself (TorchScript source plus
 * a three-opcode pickle of the module object; docs/dit-notes.md), loads it once per JVM, and calls
 * it like any op; autograd runs through it. On this CPU it is about twice as fast as the composed
 * {@link Attention#scaledDotProduct}, the reference it is tested against, and never materialises
 * the (N, N) score matrix.
 */
public final class FusedAttention {

  private static final String NAME = "kinora_sdpa";

  private static final String SOURCE =
      String.join(
          "\n",
          "class Sdpa(Module):",
          "  __parameters__ = []",
          "  __buffers__ = []",
          "  training : bool",
          "  def forward(self: __torch__.Sdpa,",
          "    q: Tensor,",
          "    k: Tensor,",
          "    v: Tensor) -> Tensor:",
          "    return torch.scaled_dot_product_attention(q, k, v)",
          "");

  private static Model model; // held, so that its native module is never released
  private static PtSymbolBlock block;

  private FusedAttention() {}

  /** softmax(q k^T / sqrt(Dh)) v for q, k, v (B, H, N, Dh); differentiable. */
  public static NDArray scaledDotProduct(NDArray q, NDArray k, NDArray v) {
    // DJL runs a module in inference mode unless asked to train, and inference outputs cannot
    // enter autograd: train exactly while a gradient collector records.
    boolean recording = JniUtils.isGradMode();
    return module()
        .forward(new ParameterStore(q.getManager(), false), new NDList(q, k, v), recording)
        .singletonOrThrow(); // (B, H, N, Dh)
  }

  private static synchronized PtSymbolBlock module() {
    if (block == null) {
      try {
        Path dir = Files.createTempDirectory("kinora-sdpa");
        Path file = dir.resolve(NAME + ".pt");
        writeArchive(file);
        model = Model.newInstance(NAME, "PyTorch"); // lives as long as the JVM
        model.load(dir, NAME + ".pt");
        block = (PtSymbolBlock) model.getBlock();
        Files.delete(file);
        Files.delete(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the fused attention module", e);
      } catch (MalformedModelException e) {
        throw new IllegalStateException("the engine refused the fused attention module", e);
      }
    }
    return block;
  }

  /** A TorchScript archive: version, the module's code, its pickled object and constants. */
  static void writeArchive(Path file) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      entry(zip, NAME + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
      entry(zip, NAME + "/code/__torch__.py", SOURCE.getBytes(StandardCharsets.UTF_8));
      entry(zip, NAME + "/data.pkl", modulePickle());
      entry(zip, NAME + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // ()
    }
  }

  /** Pickle protocol 2 of a __torch__.Sdpa object whose state is {"training": True}. */
  private static byte[] modulePickle() {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
    p.writeBytes("c__torch__\nSdpa\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
    p.writeBytes(new byte[] {')', (byte) 0x81}); // EMPTY_TUPLE, NEWOBJ
    p.writeBytes(new byte[] {'}', '('}); // EMPTY_DICT, MARK
    byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
    p.write('X'); // BINUNICODE, 4-byte little-endian length
    p.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
    p.writeBytes(key);
    p.write(0x88); // NEWTRUE
    p.writeBytes(new byte[] {'u', 'b', '.'}); // SETITEMS, BUILD, STOP
    return p.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
