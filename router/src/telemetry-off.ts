// Imported before @apollo/gateway: the gateway starts an OpenTelemetry exporter to Apollo's
// usage endpoint unless this is set when it is constructed, and this machine has no network.
process.env.APOLLO_TELEMETRY_DISABLED = "1";

export {};
