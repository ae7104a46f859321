/**
 * The title a reader sees: the scenario's title, or its name when the title is blank. A scenario
 * file may leave `title` out (then parseScenario gives the name), but a builder, a run file or a
 * report source can still carry an empty or all-space title, and a heading of nothing reads as a
 * bug. One rule for the terminal, the play screen, the HTML report and the debrief.
 */
export function shownTitle(scenario: { readonly title: string; readonly name: string }): string {
  return scenario.title.trim() || scenario.name;
}
