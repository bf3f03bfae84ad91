package dev.pitfall.rules.reproducibility;

import dev.pitfall.rules.reproducibility.RandomCalls.RandomCall;

/** Wording shared by the randomness rules. */
final class RandomMessages {
    private RandomMessages() {
    }

    /** A qualified name as users write it: {@code numpy.random.rand} as {@code np.random.rand}. */
    static String display(String qualified) {
        if (qualified.startsWith("numpy.")) {
            return "np." + qualified.substring("numpy.".length());
        }
        if (qualified.startsWith("tensorflow.")) {
            return "tf." + qualified.substring("tensorflow.".length());
        }
        int lastDot = qualified.lastIndexOf('.');
        if (qualified.startsWith("sklearn.") || qualified.startsWith("imblearn.")) {
            return qualified.substring(lastDot + 1);
        }
        return qualified;
    }

    /** The seeded alternative worth suggesting for a draw, after the seed call. */
    static String alternative(RandomCall call) {
        if (call.legacyNumpy()) {
            return ", or better draw from rng = np.random.default_rng(seed)";
        }
        return switch (call.source()) {
            case PYTHON -> ", or draw from rng = random.Random(seed)";
            case TORCH -> ", or pass generator=torch.Generator().manual_seed(seed)";
            case TENSORFLOW -> ", or pass an op seed=";
            default -> "";
        };
    }
}
