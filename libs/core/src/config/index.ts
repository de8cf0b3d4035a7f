export * from './app-config';
export * from './config.module';
export { ConfigError, EnvironmentVariables } from './environment';
