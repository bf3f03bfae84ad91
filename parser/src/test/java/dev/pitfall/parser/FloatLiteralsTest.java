package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must give exactly the double that Double.parseDouble gives. */
class FloatLiteralsTest {
    private static void assertSameDouble(String literal) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(literal)),
                Double.doubleToRawLongBits(FloatLiterals.parse(literal)), literal);
    }

    @Test
    void commonAndBorderlineLiterals() {
        for (String literal : List.of("0.2", "1e-3", "0.001", "1.", ".5", "0.0", "0e0", "00.1", "3.14159",
                "1E+5", "1e22", "1e23", "1e-22", "1e-23", "123456789012345.0", "1234567890123456.0",
                "0.1234567890123456789", "9007199254740993.0", "1e308", "1e309", "1e-400", "2.5e-3",
                "100000000000000000000000.0", "0.000000000000000000000001", "4.35", "1e100000000")) {
            assertSameDouble(literal);
        }
    }

    @Test
    void randomLiteralsOfEveryShape() {
        Random random = new Random(6);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder literal = new StringBuilder();
            int whole = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(18);
            for (int i = 0; i < whole; i++) {
                literal.append((char) ('0' + random.nextInt(10)));
            }
            if (whole == 0 || random.nextBoolean()) {
                literal.append('.');
                int fraction = (whole == 0 ? 1 : 0) + random.nextInt(20);
                for (int i = 0; i < fraction; i++) {
                    literal.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(3) == 0) {
                literal.append(random.nextBoolean() ? 'e' : 'E');
                int sign = random.nextInt(3);
                literal.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
                literal.append(random.nextInt(40));
            }
            assertSameDouble(literal.toString());
        }
    }
}
