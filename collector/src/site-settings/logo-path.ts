/** Where the shop's logo is served (public: the survey page and posters show it). */
export const logoPath = '/s/_/logo';
