/**
 * Invented people and places for the demo workbook. Common French first and last names,
 * combined at random, so no row describes a real person.
 */

export const FEMALE_FIRST_NAMES = [
  'Camille', 'Nadia', 'Sandrine', 'Julie', 'Fatima', 'Sophie', 'Aurélie', 'Céline', 'Emma', 'Léa',
  'Nathalie', 'Sylvie', 'Inès', 'Chloé', 'Karima', 'Laetitia', 'Valérie', 'Manon', 'Élodie', 'Christelle',
  'Amandine', 'Yasmina', 'Hélène', 'Océane', 'Brigitte', 'Mélanie', 'Samia', 'Patricia', 'Jessica', 'Coralie',
] as const;

export const MALE_FIRST_NAMES = [
  'Thomas', 'Karim', 'Julien', 'Mehdi', 'Nicolas', 'Sébastien', 'Kevin', 'Mamadou', 'Franck', 'Pascal',
  'Yann', 'Lucas', 'Rachid', 'Jérôme', 'Dylan', 'Stéphane', 'Alain', 'Mickaël', 'Bruno', 'Hugo',
  'Anthony', 'Cédric', 'Sofiane', 'Grégory', 'Théo', 'Patrick', 'Ibrahim', 'Loïc', 'David', 'Jordan',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel',
  'Garcia', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent',
  'Muller', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François',
  'Legrand', 'Gauthier', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu',
  'Benali', 'Diallo', 'Haddad', 'Traoré', 'Mansouri', 'Da Silva', 'Pereira', 'Nguyen', 'Kaya', 'Meunier',
] as const;

/** The main town (where the QPV are) first, then smaller neighbouring communes (invented). */
export const MAIN_TOWN = 'Montval-sur-Loire';
export const OTHER_TOWNS = ['Les Aulnaies', 'Saint-Aubin-des-Prés', 'Villeneuve-la-Rivière', 'Chassenay', 'Bois-Ferrand'] as const;

/** Conseillers en insertion professionnelle who also assess participants. */
export const CIP_NAMES = ['Claire Dubois', 'Samir Haddad'] as const;

/** Social workers named as référent in Participants. */
export const REFERENT_NAMES = ['Claire Dubois', 'Samir Haddad', 'Anne Lemoine', 'Marc Olivier'] as const;

export const DEMO_STRUCTURE_NAME = 'CIAS du Val de Montval — Chantier d’insertion';
