// The manifest's FunctionFile. The add-in has no ribbon commands beyond opening the pane; Office
// still requires the file to load and call Office.onReady.
void Office.onReady(() => undefined);
