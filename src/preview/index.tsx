import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';

createRoot(document.getElementById('root')!).render(<App />);
