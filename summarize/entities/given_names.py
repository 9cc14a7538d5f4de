"""Common given names: a capitalised pair that starts with one is a person ("Tobi Adeyemi").

A compact, hand-written list (English-language news plus frequent names from other languages);
it only needs to be good enough to tip an otherwise unmarked two- or three-word name to ``person``.
"""

from __future__ import annotations

from summarize.entities.gazetteer import words_of

GIVEN_NAMES: frozenset[str] = words_of(
    """
    Aaron Abdul Abdullah Abigail Adam Adrian Ahmed Aisha Alan Albert Alberto Alejandro Alex Alexander
    Alexandra Alexei Ali Alice Alicia Alina Alison Amanda Amara Amir Amit Amy Ana Andrea Andrei Andrew
    Andrij Andy Angela Anil Anita Ann Anna Anne Anthony Antonio Arjun Arthur Ashley Barbara Ben Benjamin
    Beth Bill Bob Brad Brandon Brenda Brian Bruce Bruno Carl Carla Carlos Carmen Carol Caroline Catherine
    Charles Charlie Chen Chris Christian Christina Christine Christopher Claire Claudia Colin Craig Dan
    Daniel Daniela Danielle Darek Dave David Dean Deborah Denis Dennis Diana Diego Dmitri Dmitry Donald
    Dong Donna Doris Douglas Ed Eduardo Edward Elena Eleanor Eli Elif Elizabeth Ellen Emily Emma Eric
    Erik Ethan Eva Fatima Felipe Fernando Fiona Frank Fred Gabriel Gary George Georgia Gerald Gina Grace
    Greg Gregory Gwen Hannah Hans Harold Harry Hassan Heather Helen Henry Hiroshi Hugo Ian Ibrahim Igor
    Ingrid Irena Isabel Isabella Ivan Jack Jacob James Jamie Jan Jane Janet Jason Javier Jean Jeff
    Jennifer Jessica Jim Joan Joe John Jonathan Jorge Jose José Joseph Josef Joshua Juan Judith Julia
    Julian Julie Justin Karen Karl Kate Katherine Kathleen Kavita Keith Kelly Ken Kenji Kevin Kim Kofi
    Kumar Kurt Lara Laura Lauren Lea Lee Lena Leo Leon Li Linda Lisa Liu Louis Louise Lucas Lucy Luis
    Luisa Luke Lydia Magdalena Manuel Marc Marco Marcus Margaret Maria María Marie Marina Mario Mark Marta
    Martin Mary Matt Matthew Maya Megan Mehmet Melissa Michael Michelle Miguel Mikhail Mikola Min Mohamed
    Mohammed Muhammad Nadia Nancy Naomi Natalia Natalie Nathan Neil Nicholas Nick Nicola Nicole Nikolai
    Nina Noah Olga Oliver Olivia Omar Oscar Owen Pablo Pamela Patricia Patrick Paul Paula Pedro Peter
    Petra Philip Pierre Priya Rachel Rahul Raj Ralph Ramon Raymond Rebecca Ricardo Richard Rita Rob
    Robert Roberto Robin Roger Ronald Rosa Ruth Ryan Sam Sami Samuel Sandra Sara Sarah Scott Sean Sergei
    Sergey Shannon Sharon Simon Sofia Sophie Stefan Stephanie Stephen Steve Steven Susan Takeshi Tanya
    Teresa Thomas Tim Timothy Tobi Todd Tom Tomas Tomás Tony Tyler Valerie Vanessa Victor Victoria
    Vikram Vincent Viktor Vladimir Walter Wang Wei William Xavier Yan Yasmin Yusuf Yuki Yuri Zainab Zhang
    Zoe Abdel Akira Alain Alessandro Amina Anders Angelo Annalena Antoine Antonia Ayesha Bernard Boris
    Camille Carlo Cecilia Chinedu Chloe Cyril Dario Dilma Elon Emmanuel Enrique Fabio Francesco Francois
    François Fumio Giorgia Giuseppe Guillermo Gustavo Hakan Halima Helmut Ilham Imran Indira Isaac Jacinda
    Jair Jamal Jens Jerome Joachim Joao João Joe Justin Kamala Keir Khalid Kwame Lars Leila Liam Lorenzo
    Luca Mahmoud Malik Marine Mateo Mauricio Mette Moses Mustafa Narendra Nelson Nicolas Nicolás Ngozi
    Olaf Oksana Rafael Recep Rishi Rodrigo Salma Sebastian Shinzo Sigrid Svetlana Theresa Ursula
    Volodymyr Wolfgang Yoon Yulia
    """
)
