-- Which surveys are single-use is read by every stored answer (from memory, while this number stands).
CREATE TRIGGER link_surveys_settings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON link_surveys
  FOR EACH STATEMENT EXECUTE FUNCTION bump_settings_version();
