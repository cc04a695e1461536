import streamlit as st

st.write("under construction")
