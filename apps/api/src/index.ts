export { bootstrap, createApp, openDatabase, type RunningApp } from './app/bootstrap';
export { loadConfig, parseRole, type AppConfig } from './config/app-config';
