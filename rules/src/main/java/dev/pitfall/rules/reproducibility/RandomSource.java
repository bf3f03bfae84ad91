package dev.pitfall.rules.reproducibility;

/**
 * A generator whose state a seed call controls. scikit-learn has no entry of its own: with
 * {@code random_state=None} it draws from numpy's global generator, so numpy's seed controls it.
 */
enum RandomSource {
    NUMPY("numpy's global generator", "np.random.seed"),
    PYTHON("the random module's global generator", "random.seed"),
    TORCH("torch's default generator", "torch.manual_seed"),
    TENSORFLOW("TensorFlow's global random state", "tf.random.set_seed");

    private final String description;
    private final String seedCall;

    RandomSource(String description, String seedCall) {
        this.description = description;
        this.seedCall = seedCall;
    }

    String description() {
        return description;
    }

    /** How the user seeds this source, as written in messages. */
    String seedCall() {
        return seedCall;
    }
}
