package dev.thesis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTableTest {
  @Test
  void namesAnObjectOnlyUnderItsOwnHandleNumber() {
    Object a = new Object();
    Object other = new Object();
    IdTable t = new IdTable(4);
    t.put(3, a, "fact-a");

    assertThat(t.get(3, a)).isEqualTo("fact-a");
    // Another object under the same number (an accumulate's result) is not that fact.
    assertThat(t.get(3, other)).isNull();
    assertThat(t.get(2, a)).isNull();
    assertThat(t.get(-1, a)).isNull();
    assertThat(t.get(1_000_000, a)).isNull();
  }

  @Test
  void growsPastItsFirstSizeAndForgetsWhatIsRemoved() {
    IdTable t = new IdTable(1);
    Object[] objects = new Object[100];
    for (int i = 0; i < objects.length; i++) {
      objects[i] = new Object();
      t.put(i * 7L, objects[i], "f" + i);
    }
    t.remove(7);

    assertThat(t.get(0, objects[0])).isEqualTo("f0");
    assertThat(t.get(693, objects[99])).isEqualTo("f99");
    assertThat(t.get(7, objects[1])).isNull();
  }
}
