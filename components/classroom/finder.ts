/**
 * `$(selector)` for one page of the classroom: the first element inside `root` that matches, or an
 * error naming the page and the selector when the server markup lacks it (a build defect, not a
 * state the page can go on from).
 */
export function finder(root: ParentNode, page: string): <T extends Element>(selector: string) => T {
  return <T extends Element>(selector: string): T => {
    const element = root.querySelector<T>(selector);
    if (element === null) throw new Error(`${page}: missing ${selector}`);
    return element;
  };
}
