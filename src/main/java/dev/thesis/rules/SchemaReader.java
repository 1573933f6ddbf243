package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

/** Collects the DRL-declared types of a knowledge base into a {@link Schema}. */
final class SchemaReader {
  private SchemaReader() {}

  static Schema read(KieBase kbase, DrlOutline outline) {
    List<DeclaredType> types = new ArrayList<>();
    for (KiePackage p : kbase.getKiePackages()) {
      for (FactType ft : p.getFactTypes()) {
        List<DeclaredType.Field> fields = new ArrayList<>();
        for (FactField f : ft.getFields()) {
          fields.add(new DeclaredType.Field(f.getName(), f.getType(), f.isKey()));
        }
        String simple = ft.getSimpleName();
        Location at = outline.type(simple);
        types.add(new DeclaredType(simple, ft, fields, at == null ? Location.ofFile("<rules>") : at));
      }
    }
    return new Schema(types);
  }
}
