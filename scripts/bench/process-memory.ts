import { readFileSync } from "node:fs";

/** Resident memory of one process, in bytes (Linux /proc); 0 once it is gone. */
export function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** `pid` and every process below it, each with its command line. */
export function processTree(pid: number): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  const visit = (current: number) => {
    let command = "";
    try {
      command = readFileSync(`/proc/${current}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    } catch {
      return;
    }
    found.push({ pid: current, command });
    let children = "";
    try {
      children = readFileSync(`/proc/${current}/task/${current}/children`, "utf8");
    } catch {
      return;
    }
    for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
  };
  visit(pid);
  return found;
}
