package dev.thesis.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.definition.KiePackage;

/** Compiled packages written to and read from bytes, for the compiled-rules cache. */
public final class PackageStreams {
  private PackageStreams() {}

  /** The engine's full version: packages written by one version are not read by another. */
  public static String engineVersion() {
    return Drools.getFullVersion();
  }

  /**
   * A class loader that holds the declared types' bytecode, which packages name while they are
   * read.
   */
  public static ClassLoader classLoader(ClassLoader parent, Map<String, byte[]> classes) {
    return ProjectClassLoader.createProjectClassLoader(parent, classes);
  }

  public static void write(OutputStream out, Collection<KiePackage> packages) throws IOException {
    DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out);
    objects.writeObject(new ArrayList<>(packages));
    objects.flush();
  }

  /** The packages in {@code in}; empty when it holds something else. */
  public static Optional<List<KiePackage>> read(InputStream in, ClassLoader classes)
      throws IOException, ClassNotFoundException {
    try (DroolsObjectInputStream objects = new DroolsObjectInputStream(in, classes)) {
      Object stored = objects.readObject();
      if (!(stored instanceof Collection<?> c)) {
        return Optional.empty();
      }
      List<KiePackage> packages = new ArrayList<>();
      for (Object p : c) {
        if (!(p instanceof KiePackage kp)) {
          return Optional.empty();
        }
        packages.add(kp);
      }
      return Optional.of(packages);
    }
  }
}
