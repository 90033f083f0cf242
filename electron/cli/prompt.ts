// Secrets come from the environment or, on a terminal, from a prompt that does not echo.
import { CliError } from "./exit-codes.js";

export async function readSecret(prompt: string, envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliError(`no terminal to ask for the ${prompt.toLowerCase()}: set ${envName}`);
  }
  return promptHidden(`${prompt}: `);
}

export async function readNewSecret(prompt: string, envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const first = await readSecret(prompt, envName);
  const second = await promptHidden(`Repeat the ${prompt.toLowerCase()}: `);
  if (first !== second) throw new CliError(`the two ${prompt.toLowerCase()}s differ`);
  return first;
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let answer = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (result: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      result();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return done(() => resolve(answer));
        if (char === "\u0003") return done(() => reject(new CliError("cancelled")));
        if (char === "\u007f" || char === "\b") answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on("data", onData);
  });
}
