// Emscripten --pre-js for the wasm build of wax (runs on the main Node
// thread, before main).  Emscripten gives programs an invented environment
// (USER=web_user, PATH=/, ...); wax passes its own environment on to the
// guest, so under Node it must be the real one, as in the native build.
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
	if (typeof process !== 'object' || !process.env)
		return;
	['USER', 'LOGNAME', 'PATH', 'PWD', 'HOME', 'LANG', '_'].forEach(
		function (k) { ENV[k] = undefined; });
	Object.keys(process.env).forEach(function (k) {
		ENV[k] = process.env[k];
	});
	// Emscripten lists its invented names first: keep the real order.
	getEnvStrings.strings = Object.keys(process.env).map(
		function (k) { return k + '=' + process.env[k]; });
});
