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
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A PyTorch operation that DJL does not expose, reached through a TorchScript module of one {@code
 * forward} method that takes and returns tensors. Kinora writes the module's archive itself
 * (TorchScript source, plus a three-opcode pickle of the module object; docs/nn-notes.md), loads it
 * on first use, keeps it for the life of the JVM, and calls it like any op; autograd runs through
 * it.
 */
final class TorchScriptOp {

  private final String name;
  private final String className;
  private final String source;
  private Model model; // held, so that its native module is never released
  private PtSymbolBlock block;

  /**
   * An op named {@code name} (the archive's folder) whose module class {@code className} has {@code
   * forward(self, <parameters>) -> Tensor} with the given parameter list (e.g. {@code "q: Tensor",
   * "k: Tensor"}) and body lines (indented by four spaces here).
   */
  TorchScriptOp(String name, String className, List<String> parameters, List<String> body) {
    this.name = name;
    this.className = className;
    StringBuilder code = new StringBuilder();
    code.append("class ").append(className).append("(Module):\n");
    code.append("  __parameters__ = []\n  __buffers__ = []\n  training : bool\n");
    code.append("  def forward(self: __torch__.").append(className);
    for (String p : parameters) {
      code.append(",\n    ").append(p);
    }
    code.append(") -> Tensor:\n");
    for (String line : body) {
      code.append("    ").append(line).append('\n');
    }
    this.source = code.toString();
  }

  /** Runs the module on {@code inputs}; differentiable while a gradient collector records. */
  NDArray apply(NDArray... inputs) {
    // Named arrays would be passed as dictionary entries, so callers pass unnamed views of
    // parameters.
    return apply(new NDList(inputs));
  }

  /**
   * Runs the module on {@code inputs} as DJL passes them: unnamed arrays one argument each, arrays
   * named {@code "x[]"} together as one {@code List[Tensor]} argument (in order of first
   * appearance), see {@link #applyToLists}.
   */
  NDArray apply(NDList inputs) {
    // DJL runs a module in inference mode unless asked to train, and inference outputs cannot
    // enter autograd: train exactly while a gradient collector records.
    boolean recording = JniUtils.isGradMode();
    return module()
        .forward(new ParameterStore(inputs.head().getManager(), false), inputs, recording)
        .singletonOrThrow();
  }

  /**
   * Runs the module with each of {@code lists} as one {@code List[Tensor]} argument, then {@code
   * tensors} one argument each; the arrays are passed themselves, not copies, so the module may
   * update them in place. Their names are borrowed for the call (DJL groups list arguments by name)
   * and restored after it.
   */
  NDArray applyToLists(List<List<NDArray>> lists, NDArray... tensors) {
    NDList inputs = new NDList();
    List<String> names = new ArrayList<>();
    Set<NDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    try {
      for (int i = 0; i < lists.size(); i++) {
        if (lists.get(i).isEmpty()) {
          throw new IllegalArgumentException("list argument " + i + " is empty");
        }
        for (NDArray a : lists.get(i)) {
          if (!seen.add(a)) {
            throw new IllegalArgumentException("an array appears twice in the list arguments");
          }
          names.add(a.getName());
          inputs.add(a);
          a.setName("list" + i + "[]");
        }
      }
      inputs.addAll(new NDList(tensors));
      return apply(inputs);
    } finally {
      for (int i = 0; i < names.size(); i++) {
        inputs.get(i).setName(names.get(i));
      }
    }
  }

  private synchronized PtSymbolBlock module() {
    if (block == null) {
      try {
        Path dir = Files.createTempDirectory("kinora-" + name);
        Path file = dir.resolve(name + ".pt");
        writeArchive(file);
        model = Model.newInstance(name, "PyTorch");
        model.load(dir, name + ".pt");
        block = (PtSymbolBlock) model.getBlock();
        Files.delete(file);
        Files.delete(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the TorchScript module " + name, e);
      } catch (MalformedModelException e) {
        throw new IllegalStateException("the engine refused the TorchScript module " + name, e);
      }
    }
    return block;
  }

  /** A TorchScript archive: version, the module's code, its pickled object and constants. */
  private void writeArchive(Path file) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      entry(zip, name + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
      entry(zip, name + "/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
      entry(zip, name + "/data.pkl", modulePickle());
      entry(zip, name + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // ()
    }
  }

  /** Pickle protocol 2 of a __torch__.<class> object whose state is {"training": True}. */
  private byte[] modulePickle() {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
    p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
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
