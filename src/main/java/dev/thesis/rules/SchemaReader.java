package dev.thesis.rules;

import dev.thesis.diag.Location;
import dev.thesis.schema.DeclaredType;
import dev.thesis.schema.Schema;
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
        // Drools also registers classes that patterns name (java.util.List for a collect);
        // only what the rule files declare is schema.
        Location at = outline.type(ft.getSimpleName());
        if (at == null) {
          continue;
        }
        List<DeclaredType.Field> fields = new ArrayList<>();
        for (FactField f : ft.getFields()) {
          fields.add(
              new DeclaredType.Field(
                  f.getName(),
                  f.getType(),
                  f.isKey(),
                  outline.refs(ft.getSimpleName()).get(f.getName()),
                  outline.values(ft.getSimpleName()).getOrDefault(f.getName(), List.of())));
        }
        types.add(
            new DeclaredType(
                ft.getSimpleName(),
                ft,
                fields,
                at,
                outline.superType(ft.getSimpleName()),
                outline.graphRole(ft.getSimpleName())));
      }
    }
    return new Schema(types);
  }
}
