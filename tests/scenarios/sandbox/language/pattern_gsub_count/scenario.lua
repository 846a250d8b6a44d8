-- A scenario whose language file (en.lua beside it) tries to escape while it loads:
-- see the EXPECT line there. Run by tests/cli/sandbox.sh with play and with check.
scenario{ id = "sandbox-language-pattern-gsub-count", title = "Sandbox: language pattern_gsub_count", duration = 600, languages = { "en" } }
function main() wait(1) end
