import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the cli module (run by maven-antrun-plugin after maven-shade-plugin): rewrites every
 * class file in the fat jar older than Java 8 (picocli ships Java 5 class files) to version 52 with
 * stack-map frames computed by ASM; everything else in the jar is copied unchanged.
 *
 * <p>Why: the JDK's CDS / AOT cache (bin/pitfall's training run) refuses class files older than
 * Java 6, which need the old inference verifier. So every run loaded picocli's classes from the jar
 * and verified them on the main thread (~30 ms CPU) before linting anything. From version 51 on
 * the JVM verifies by type checking alone (no fallback to the old verifier); 52 (Java 8) is what
 * the jar's other dependencies use. The instructions are kept as they are (ASM replaces only
 * unreachable code, which cannot run, by nop ... athrow).
 *
 * <p>Usage: {@code java -cp asm.jar UpgradeOldClassFiles.java JAR} (the jar is replaced in place).
 */
public final class UpgradeOldClassFiles {
    private static final int TARGET_VERSION = Opcodes.V1_8;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: UpgradeOldClassFiles JAR");
        }
        Path jar = Path.of(args[0]);
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int count = 0;
        // Computing frames needs the common superclass of two types: ASM loads them (without running
        // any of their code) through this loader, which sees the jar's classes and the JDK's.
        try (ZipFile in = new ZipFile(jar.toFile());
                URLClassLoader hierarchy = new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                OutputStream file = Files.newOutputStream(upgraded);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] content;
                try (InputStream stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && majorVersion(content) < TARGET_VERSION) {
                    content = upgrade(content, hierarchy);
                    count++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeOldClassFiles: " + count + " class files of " + jar + " now version "
                + TARGET_VERSION);
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    private static byte[] upgrade(byte[] classFile, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        // Not new ClassWriter(reader, ...): ASM would then copy each method's code as it is, without frames.
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(TARGET_VERSION, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
