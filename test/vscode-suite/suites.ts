// Every suite, in the order they run. Both hosts (index.ts, extension.ts) import this one list.
import './diagnostics.suite';
import './language.suite';
import './preview.suite';
