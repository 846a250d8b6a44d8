-- A scenario whose language file (en.lua beside it) tries to escape while it loads:
-- see the EXPECT line there. Run by tests/cli/sandbox.sh with play and with check.
scenario{ id = "sandbox-language-close-after-budget", title = "Sandbox: language close_after_budget", duration = 600, languages = { "en" } }
function main() wait(1) end
