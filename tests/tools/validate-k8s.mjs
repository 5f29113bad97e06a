// Validates Kubernetes manifests against the Kubernetes OpenAPI schemas shipped by kubernetes-models.
// Usage: node validate-k8s.mjs <file-or-directory>...   (directories are searched for *.yaml / *.yml)
// Prints a JSON report; exits 1 when any object is invalid or unknown, 2 on usage errors.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("usage: node validate-k8s.mjs <file-or-directory>...");
  process.exit(2);
}

function collect(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).sort().flatMap((name) => collect(join(path, name)));
  }
  return /\.ya?ml$/.test(path) ? [path] : [];
}

// apiVersion "v1" -> kubernetes-models/v1/Kind; "apps/v1" -> kubernetes-models/apps/v1/Kind; the Prometheus
// Operator's CRDs (PodMonitor, PrometheusRule, ...) come from @kubernetes-models/prometheus-operator.
const crdPackages = { "monitoring.coreos.com": "@kubernetes-models/prometheus-operator" };

async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9]+$/.test(kind)) return null;
  const crdPackage = crdPackages[apiVersion.split("/")[0]];
  try {
    const module = await import(crdPackage ? `${crdPackage}/${apiVersion}/${kind}` : `kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch {
    return null;
  }
}

function checkKustomization(file, doc, errors) {
  for (const resource of doc.resources ?? []) {
    if (!existsSync(resolve(dirname(file), resource))) {
      errors.push({ file, kind: "Kustomization", message: `resource ${resource} does not exist` });
    }
  }
  if (!Array.isArray(doc.resources) || doc.resources.length === 0) {
    errors.push({ file, kind: "Kustomization", message: "resources is empty" });
  }
}

const files = args.flatMap((a) => collect(a));
const errors = [];
const objects = [];
for (const file of files) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      errors.push({ file, message: `YAML: ${doc.errors.map((e) => e.message).join("; ")}` });
      continue;
    }
    const value = doc.toJS();
    if (value === null || value === undefined) continue;
    const { apiVersion, kind } = value;
    const name = value.metadata?.name;
    if (kind === "Kustomization" && String(apiVersion).startsWith("kustomize.config.k8s.io/")) {
      checkKustomization(file, value, errors);
      objects.push({ file, kind, name: "kustomization" });
      continue;
    }
    const Model = await modelFor(apiVersion, kind);
    if (Model === null) {
      errors.push({ file, kind, name, message: `unknown apiVersion/kind ${apiVersion}/${kind}` });
      continue;
    }
    try {
      new Model(value).validate();
      objects.push({ file, kind, name });
    } catch (error) {
      errors.push({ file, kind, name, message: String(error.message ?? error) });
    }
  }
}

console.log(JSON.stringify({ files: files.length, objects: objects.length, valid: objects, errors }, null, 2));
process.exit(errors.length > 0 ? 1 : 0);
