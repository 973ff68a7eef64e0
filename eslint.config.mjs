// Lint: typescript-eslint's recommended rules everywhere; type-aware only where Outputs live
// (index.ts, components/, lib/): @pulumi/eslint-plugin catches Outputs interpolated into plain
// template literals (they render as a warning string, not the value). Tests and tools hold no
// program Outputs, and type-aware parsing of them doubled the lint's time.
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

export default tseslint.config(
  { ignores: ["node_modules/**", "bin/**", "sdks/**/bin/**", "sdks/tencentcloud/**", "eslint.config.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["index.ts", "components/**/*.ts", "lib/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
    },
  },
);
