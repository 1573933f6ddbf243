package dev.thesis.generate;

/**
 * What one company does, drawn from the seed and its index alone: the choices that other companies
 * look at (its kind, its competitor, where it spends) and the ones that fix how many facts it
 * states. Investment targets and the other relations are drawn when its facts are written.
 *
 * @param competitor the company it competes with (same kind, nearby), or 0
 * @param rivalsOpenai whether it also competes with openai (only labs among the first companies)
 * @param investments how many investments it makes, 2 to 4
 * @param spends the clouds and chip makers it buys from, 1 to 3, distinct
 * @param partnerships 0, 1 or 2 (labs): with its first provider, then with that provider's rival
 * @param alarmRival the rival whose product alarms it ({@link Companies#ANTHROPIC} or its
 *     competitor), or 0
 * @param backsAnthropic whether its first investment goes to anthropic
 * @param backsOpenai whether it invests in openai and in a nearby lab that competes with openai
 */
record CompanyPlan(
    long index,
    Kind kind,
    long competitor,
    boolean rivalsOpenai,
    boolean collaborates,
    int investments,
    long[] spends,
    int partnerships,
    boolean addsCloud,
    boolean promotes,
    boolean bundles,
    boolean reacts,
    boolean holdsView,
    long alarmRival,
    boolean responds,
    boolean backsAnthropic,
    boolean backsOpenai) {

  boolean spendsWith(long provider) {
    for (long s : spends) {
      if (s == provider) {
        return true;
      }
    }
    return false;
  }
}
