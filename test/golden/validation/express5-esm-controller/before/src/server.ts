import { createApp } from './app.js';

createApp().listen(3000);
