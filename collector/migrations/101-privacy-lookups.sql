-- A person's answers are found by the `user.id` or `user.email` the site passed to the widget, as
-- the stored `user` object holds them: `user_data->>'id'` is the same text for a JSON string
-- "42" and a JSON number 42 (the `user_id` column keeps string ids only), and emails compare
-- without case.
CREATE INDEX responses_user_data_id ON responses ((user_data->>'id'));
CREATE INDEX responses_user_data_email ON responses ((lower(user_data->>'email')));
