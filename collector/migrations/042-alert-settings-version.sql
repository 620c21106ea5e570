-- Rules and channels are read by every stored answer (from memory, while this number stands).
CREATE TRIGGER alert_rules_settings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alert_rules
  FOR EACH STATEMENT EXECUTE FUNCTION bump_settings_version();
CREATE TRIGGER alert_rule_channels_settings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alert_rule_channels
  FOR EACH STATEMENT EXECUTE FUNCTION bump_settings_version();
CREATE TRIGGER alert_channels_settings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alert_channels
  FOR EACH STATEMENT EXECUTE FUNCTION bump_settings_version();
