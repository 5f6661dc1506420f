package ai.kinora.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of layer tests: a seeded engine and a fresh fp32 parameter store per test. */
abstract class ParametersFixture {

  NDManager base;
  Parameters params;
  Namespace ns;

  /** The engine seed each test starts from. */
  abstract int seed();

  @BeforeEach
  void setUpParameters() {
    NnTesting.seed(seed());
    base = NDManager.newBaseManager();
    params = new Parameters(base, DataType.FLOAT32);
    ns = params.root();
  }

  @AfterEach
  void closeParameters() {
    params.close();
    base.close();
  }
}
